"""Event dates and places."""
