"""F1 on the vote panel: its two ways of voting and their keys."""

VOTE_HELP = """\
# Vote

Dot voting with the budget from the agenda. Items are the themes, or the ideas when there
are no themes. The ranking on the right updates as votes come in; equal totals share a
rank (shown as `=2`), and the top items are marked ★ for action planning.

**Person by person** (the default): choose who is voting, then give dots to items.

| Key | What it does |
| :- | :- |
| n | Next voter: the next participant who has not voted yet (one who rated), else a new one |
| v | Pick the voter (or add a named participant) |
| + or right | One more dot on the highlighted item |
| - or left | One dot fewer |
| t | Switch to the show-of-hands tally |

**Show of hands**: highlight an item, type the number of hands, Enter: it is recorded and
the next item is highlighted, so a whole round is digits and Enter. Backspace corrects the
number, Esc cancels it. `t` switches back.
"""
