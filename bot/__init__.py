"""BackPath: start-up (`__main__`, `config`, `logs`), the Telegram-free core (`core/`),
what users read (`ui/`), the Telegram adapter (`telegram/`) and the terminal (`console`)."""
