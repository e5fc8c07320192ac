"""One module per command (``factcheck extract``, ``factcheck check``, …).

Each module has ``add_parser(subparsers)``, which sets ``run`` on the parsed arguments.
"""

from factcheck.commands import check, config, extract, index, rules, serve, stories, why

COMMANDS = [extract, check, index, stories, rules, config, why, serve]
