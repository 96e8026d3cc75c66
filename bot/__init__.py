"""BackPath's Telegram side: settings, handlers, and the service they call."""
