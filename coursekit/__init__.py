"""coursekit: the plumbing behind the course's notebooks.

A notebook needs only a few names from here:

    from coursekit import load_table, show_quiz
    from coursekit.exercises import ClassificationExercise
"""
from .data import DataValidationError, load_table, load_tables, table_info
from .quiz import show_quiz

__all__ = ["DataValidationError", "load_table", "load_tables", "show_quiz", "table_info"]
