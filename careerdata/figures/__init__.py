"""The one definition of every career figure that more than one page, export or command shows.

Each concept has one public function here, with its formula in the docstring; pages, exports and
CLI commands call these instead of computing their own version. `glossary.GLOSSARY` gives the
definitions the About page lists. This package imports only `careerdata.core` and `careerdata.store`
(an import contract in pyproject.toml), so every feature can use it; where each figure is shown, with
the exact string, is `careerdata.figures_registry` (`careerdata figures`).

Modules: `impact` (run-rate and delivered to date, money and hours), `cycle` (the review-cycle
window and the wins and impact in it), `evidence` (the evidence level of a skill or competency, and
the wins linked to a competency), `readiness` (readiness for a level), `fit` (role fit and occupation
match), `network` (the advocacy vocabulary, sponsors, overdue contacts, days since the last visibility
item), `moat`, `summary` (Home's KPIs), `metric_text` (the one sentence of an impact metric) and
`glossary`.
"""
