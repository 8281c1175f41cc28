"""Learned (reinforcement-learning) path allocation without a deep-learning framework.

* :mod:`~netsim.control.rl.kernels`: action features and state updates (numba);
* :mod:`~netsim.control.rl.env_core`: the RMSA environment core (one request per step);
* :mod:`~netsim.control.rl.policy`: linear scoring policy, ``.npz`` + JSON files;
* :mod:`~netsim.control.rl.cem`: cross-entropy-method training;
* :mod:`~netsim.control.rl.training_spec`: the ``netsim train`` YAML schema;
* :mod:`~netsim.control.rl.controller`: :class:`LearnedRmsaController` (registry name
  ``"learned_rmsa"``) behind the shared controller interface;
* :mod:`~netsim.control.rl.gym_env`: Gymnasium environments (optional extra, imported
  only when used).
"""

from netsim.control.rl.controller import DEFAULT_POLICY, LearnedRmsaController
from netsim.control.rl.env_core import RmsaEnvCore, draw_requests, run_linear_episode
from netsim.control.rl.kernels import ACTION_FEATURES, N_FEATURES
from netsim.control.rl.policy import LinearPolicy, load_policy, save_policy, shipped_policies

__all__ = [
    "ACTION_FEATURES",
    "N_FEATURES",
    "RmsaEnvCore",
    "draw_requests",
    "run_linear_episode",
    "LinearPolicy",
    "load_policy",
    "save_policy",
    "shipped_policies",
    "LearnedRmsaController",
    "DEFAULT_POLICY",
]
