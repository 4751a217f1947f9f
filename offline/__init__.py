"""Offline use of the site: the service-worker build step (see service_worker.py)."""
