"""Rebuild the Cao Bằng data from the vietnamadminunits package.

Real: the 161 communes, wards and townships before 1 July 2025 (names,
official codes, old districts, coordinates), the 56 units after (area)
and which old units formed each (reference-2025.csv). Assumed, invented
or approximate: see orgplan.territory.vn_admin_data and the README.

Usage: pip install vietnamadminunits; python scenarios/cao-bang/make_data.py
"""

from pathlib import Path

from orgplan.territory.vn_admin_data import ProvinceSpec, write_scenario_data

SPEC = ProvinceSpec(
    name="Cao Bằng",
    population=530_341,
    population_source="2019 census (GSO), to verify",
)

if __name__ == "__main__":
    print(write_scenario_data(SPEC, Path(__file__).parent))
