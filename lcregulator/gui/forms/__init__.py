"""Generated Qt Designer forms — do not edit; see forms/."""
