"""The Telegram-free application: one user event in, the reply out (see `service.py`)."""
