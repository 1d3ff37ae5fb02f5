"""The first stage: what the article says about itself (dateline, filing date, agency).

It runs before the actor stage because office holders resolve against the article's date:
"WASHINGTON, May 20, 2021 (Reuters) - The secretary of state ..." names Antony Blinken only
once the dateline's date is known.
"""
