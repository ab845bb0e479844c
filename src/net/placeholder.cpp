// Replaced by the transport and runner.
