"""
The desk: each person's front page of the admin, and the notices the newsroom
sends them (on that page and by email), each kind of which they may turn off.
"""
