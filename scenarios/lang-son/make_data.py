"""Rebuild the Lạng Sơn data from the vietnamadminunits package.

Real: the 194 communes, wards and townships before 1 July 2025 (names,
official codes, old districts, coordinates), the 65 units after (area)
and which old units formed each (reference-2025.csv). Assumed, invented
or approximate: see orgplan.territory.vn_admin_data and the README.

Usage: pip install vietnamadminunits; python scenarios/lang-son/make_data.py
"""

from pathlib import Path

from orgplan.territory.vn_admin_data import ProvinceSpec, write_scenario_data

SPEC = ProvinceSpec(
    name="Lạng Sơn",
    population=781_655,
    population_source="2019 census (GSO), to verify",
)

if __name__ == "__main__":
    print(write_scenario_data(SPEC, Path(__file__).parent))
