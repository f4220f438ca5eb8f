"""AI players: clients of the rules engine that see an observation and return orders."""
