"""The CP-SAT model's rule families, one module each.

:mod:`.partition` (fates, locks, group size, aggregates),
:mod:`.hierarchy` (intermediate units, folds, depth), :mod:`.caps`
(per-unit and pooled deputy caps), :mod:`.leadership` (heads and
deputies), :mod:`.children` (the child rule), :mod:`.targets` (targets
and minimum staff), :mod:`.must` (must pairs), :mod:`.territory`
(connected territorial groups, the kind of a new unit) and
:mod:`.terms` (the objective); :mod:`.base` holds what they share.
"""
