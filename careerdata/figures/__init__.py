"""The one definition of every career figure that more than one page, export or command shows.

Each concept has one public function here, with its formula in the docstring; pages, exports and
CLI commands call these instead of computing their own version. `registry.figures(con, today)`
lists the career file's headline figures with the exact string the app shows and where it shows it
(`careerdata figures`), and `GLOSSARY` gives the definitions the About page lists.

Modules: `impact` (run-rate and delivered to date, money and hours), `cycle` (the review-cycle
window and the wins and impact in it), `evidence` (the evidence level of a skill or competency),
`readiness` (readiness for a level), `fit` (role fit and occupation match), `network` (the advocacy
vocabulary, sponsors, overdue contacts, days since the last visibility item) and `moat`.
"""
