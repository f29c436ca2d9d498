"""``python -m onrecord.cli``: the command line."""

from onrecord.cli import main

if __name__ == "__main__":
    main()
