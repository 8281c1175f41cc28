"""netsim.experiment."""
