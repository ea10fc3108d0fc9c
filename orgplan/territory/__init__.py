"""Territorial mergers: communes, wards and provinces merged with neighbours.

Standalone pieces the optimiser and the checker call: places read from
an organisation (:mod:`~orgplan.territory.places`), neighbours from polygons or
coordinates (:mod:`~orgplan.territory.neighbours`), the area and
population standards (:mod:`~orgplan.territory.standards`), connected
groups in CP-SAT (:mod:`~orgplan.territory.contiguity`), objective terms
(:mod:`~orgplan.territory.objective`), agreement with a reference map
(:mod:`~orgplan.territory.compare`), an SVG map
(:mod:`~orgplan.territory.map`), a greedy connected start
(:mod:`~orgplan.territory.greedy`) and a small model built from these
(:mod:`~orgplan.territory.cpsat`, measured by
:mod:`~orgplan.territory.evaluate`). Wired into the project: the
solver-free contiguity check (:mod:`~orgplan.territory.connected`), the
plan's territorial objective terms (:mod:`~orgplan.territory.plan_terms`)
and a plan's summary, notes and map (:mod:`~orgplan.territory.summary`).
"""
