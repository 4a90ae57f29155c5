"""Background jobs (huey): heavy analytics run by ``maeul-db jobs worker``, results stored."""
