"""ITU-R P-series propagation Recommendations.

:mod:`.p676` (ITU-R P.676-13 Annex 1, gaseous attenuation, line by line) and
:mod:`.p838` (ITU-R P.838-3, rain specific attenuation); :mod:`.tables` loads their
data files from ``netsim/radio/data/propagation/``.
"""
