"""Rebuild the Cao Bằng data from the vietnamadminunits package.

Real: the 161 units before 1 July 2025 and the 56 after, and which old
units formed each (reference-2025.csv); what is assumed or approximate:
see orgplan.territory.vn_admin_data and the README.

Usage: pip install vietnamadminunits; python scenarios/cao-bang/make_data.py
"""

from pathlib import Path

from orgplan.territory.vn_admin_data import main

if __name__ == "__main__":
    main("cao-bang", Path(__file__).parent)
