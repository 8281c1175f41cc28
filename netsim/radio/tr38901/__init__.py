"""3GPP TR 38.901 V17.0.0 large-scale propagation models.

Modules, one per clause: :mod:`.pathloss` (7.4.1, Table 7.4.1-1), :mod:`.los`
(7.4.2, Table 7.4.2-1), :mod:`.shadowing` (shadow-fading standard deviations of
Table 7.4.1-1 and decorrelation distances of Table 7.5-6), :mod:`.o2i` (7.4.3), and
:mod:`.tables` (loaders of the data files).
"""
