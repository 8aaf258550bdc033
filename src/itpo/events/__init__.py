"""B2B matchmaking events: forums and delegations with pre-arranged one-to-one meetings, and
the scheduler that places the accepted meeting requests in slots and at tables."""
