"""Event coding: the CAMEO codebook, predicate lexicons and cue words."""
