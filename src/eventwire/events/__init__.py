"""PLOVER/CAMEO event coding."""
