"""The controller interface shared by heuristic baselines and learned controllers.

A :class:`Controller` decides on each :class:`~netsim.control.request.Request` from a
read-only :class:`~netsim.control.view.NetworkView` and returns an
:class:`~netsim.control.request.Allocation`. It never reserves anything itself on the
network's links: the :class:`~netsim.control.allocator.Allocator` reserves the capacity of
an admitted allocation and releases it at departure. A controller that owns another
resource (the spectrum of an RMSA object) sets it aside in :meth:`Controller.decide`
and frees it in :meth:`Controller.on_departure`.

Controllers are made by name with :func:`make_controller`; a new one is added with
:func:`register_controller` (scenarios name controllers this way).
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from netsim.control.request import Allocation, Request
from netsim.errors import ParameterError

if TYPE_CHECKING:  # pragma: no cover
    from netsim.control.view import NetworkView
    from netsim.core.link import Link

__all__ = ["Controller", "register_controller", "make_controller", "controller_names"]


class Controller(ABC):
    """Decides paths for requests; base class of every controller.

    Subclasses set the class attribute :attr:`name` and implement :meth:`decide`; the
    hooks have working defaults.

    Life cycle (driven by :class:`~netsim.control.allocator.Allocator`, or by an
    environment that follows the same contract):

    1. :meth:`decide` for each arriving request; an admitted allocation's capacity is
       then reserved on every link of its path;
    2. :meth:`on_departure` when an admitted allocation ends: the request leaves, or its
       path breaks (its capacity has already been released in the view);
    3. :meth:`on_link_change` after a link changed (down, up, delay or rate, added);
       requests whose path broke are listed in ``view.displaced`` with their capacity
       already released, and the controller returns new allocations for them;
    4. :meth:`reset` before a new, independent run.
    """

    name: str = "controller"
    """Registry name of the controller (e.g. ``"cspf"``)."""

    @abstractmethod
    def decide(self, request: Request, view: NetworkView) -> Allocation:
        """Decide on one request.

        Parameters
        ----------
        request : Request
            The request (its ``arrival_s`` is the current time for a new arrival; a
            reroute passes the original request).
        view : NetworkView
            Current network state (read-only).

        Returns
        -------
        Allocation
            ``Allocation.accept(request, path, delay_s, spectrum=...)`` or
            ``Allocation.reject(request, reason)``. The allocator re-checks an admitted
            path (links up, capacity free) and turns a path that does not fit into a
            rejection with reason ``"capacity"`` or ``"no_path"``.
        """

    def on_departure(self, allocation: Allocation, view: NetworkView) -> None:
        """An admitted allocation ended: its request left, was dropped, or its path broke
        (the request is then displaced; a reroute is a new allocation). Free any resource
        the controller set aside for it (e.g. spectrum). The allocator has already
        released its capacity in the view. Default: nothing."""
        return None

    def on_link_change(self, link: Link, view: NetworkView) -> list[Allocation]:
        """React to a link change by rerouting the displaced requests.

        Parameters
        ----------
        link : Link
            The link that changed (``link.up`` tells whether it went down or up).
        view : NetworkView
            Current state; ``view.displaced`` maps request id to the broken allocation of
            every request waiting for a reroute (their capacity already released).

        Returns
        -------
        list of Allocation
            New decisions for displaced requests (admitted or not), in the order they
            should be applied; a displaced request left out stays displaced.
            Default: :meth:`decide` on each displaced request in order of priority then
            id, holding each admitted path tentatively so later decisions see it.
        """
        out: list[Allocation] = []
        pending = sorted(view.displaced.values(),
                         key=lambda a: (a.request.priority, str(a.request.id)))
        with view.tentative() as hold:
            for old in pending:
                new = self.decide(old.request, view)
                if new.admitted:
                    hold(new.path, new.request.capacity_bps)
                out.append(new)
        return out

    def reset(self) -> None:
        """Forget any state kept between requests (a new run starts). Default: nothing."""
        return None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"


_REGISTRY: dict[str, Callable[..., Controller]] = {}
_MODULES = ("netsim.control.baselines", "netsim.control.sla", "netsim.control.rl")


def register_controller(name: str, factory: Callable[..., Controller]) -> None:
    """Make a controller available to :func:`make_controller` and scenarios.

    Parameters
    ----------
    name : str
        Registry name (the scenario's ``control.controller.name``).
    factory : callable
        ``factory(**options) -> Controller`` (usually the class itself).
    """
    if not isinstance(name, str) or not name:
        raise ParameterError("name", name, "a non-empty string")
    if not callable(factory):
        raise ParameterError("factory", factory, "a callable returning a Controller")
    _REGISTRY[name] = factory


def _load_builtin() -> None:
    for mod in _MODULES:
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as e:  # optional modules (e.g. the RL package)
            if e.name is None or not mod.startswith(e.name):
                raise


def controller_names() -> list[str]:
    """Names of the registered controllers."""
    _load_builtin()
    return sorted(_REGISTRY)


def make_controller(name: str, **options: Any) -> Controller:
    """Make a registered controller by name, with keyword options.

    Examples
    --------
    >>> make_controller("cspf").name
    'cspf'
    """
    _load_builtin()
    if name not in _REGISTRY:
        raise ParameterError("name", name, f"one of {sorted(_REGISTRY)}")
    ctl = _REGISTRY[name](**options)
    if not isinstance(ctl, Controller):
        raise ParameterError("name", name, "a factory returning a netsim.control.Controller")
    return ctl
