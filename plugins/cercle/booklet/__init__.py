"""`cercle booklet`: the ambassador guides (and chosen entries) as one accessible, reproducible PDF."""
