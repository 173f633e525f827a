"""The `reader` command line: one module per command, and the entry point that lists them.

`main` builds the parser from every command module's `COMMAND` (see `command.Command`);
adding a command is adding a module here that declares one.
"""
