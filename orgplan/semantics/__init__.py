"""What a plan means, each rule and number defined once.

docs/semantics.md states the rules; docs/rules.md says which function
here defines each. Every solver (the CP-SAT model, the greedy, the block
decomposition), the explanations, apply and the checker ask these
modules, and nothing here imports a solver or the checker:

- :mod:`~orgplan.semantics.scope`: locks, scope, who may merge, fold
  eligibility, split receivers;
- :mod:`~orgplan.semantics.targets`: the required cut and unit limits;
- :mod:`~orgplan.semantics.caps`: the deputy caps and their basis;
- :mod:`~orgplan.semantics.leadership`: leadership after a merge, who may
  stay above a cap, the excess deadline;
- :mod:`~orgplan.semantics.staff`: staff categories, shares by largest
  remainder, the civil-servant count;
- :mod:`~orgplan.semantics.after` and :mod:`~orgplan.semantics.defects`:
  the organisation after a plan;
- :mod:`~orgplan.semantics.terms`: the objective's terms.

The package imports none of its modules here, so that low-level modules
(``orgplan.graph``) can use one without a cycle.
"""
