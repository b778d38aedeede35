"""The report stage: render a finished Report; reporters compute nothing themselves."""
