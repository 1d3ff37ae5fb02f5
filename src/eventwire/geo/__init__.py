"""Place knowledge shared by every stage: the offline gazetteer, name keys and locative words.

It sits outside the stage packages because both the actor stage (a toponym is a place, not
an actor) and the when/where stage (where an event happened) read it.
"""
