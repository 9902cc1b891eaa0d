"""Career P&L: what has your work been worth, which quarters and kinds of impact did it come from, and how sure
are the figures? The ledger of every impact metric (careerdata.pnl), with the wins behind each bar."""

from careerdata.core.clock import today
from careerdata.ui import layout
from careerdata.ui.forms import pnl

layout.header("Career P&L", "What is your work worth each year, which quarters and kinds of impact did it come "
                            "from, and how sure are the figures?")
pnl.ledger(today())
