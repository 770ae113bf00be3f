"""Links between the things an article names: relations (who is resident where, from which country, who
invests where, heads what, is a member of what, which site lies where) and events (meetings, agreements,
register applications and entries, subsidies, plant launches, visits, forums, business missions).

Built on the mentions of `transforms.intel.entities.find_mentions` and razdel's sentences. Every link is
read from one sentence (a "the zone" / "the region" pointing at an earlier sentence is resolved), keeps
that sentence and its offsets, and names the rule that produced it. Precision first: a cue the rules do
not understand gives nothing.
"""
