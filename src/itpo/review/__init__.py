"""The review of opportunity profiles before they go live: submitted by their owner, published
by an officer against stated quality criteria or sent back with a reason, renewed before they
expire; and the officer's queue of what waits for review."""
