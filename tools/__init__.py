"""Developer tools: not part of the bot at run time."""
