"""From stored state to mail: compose the update, render it, schedule, deliver."""
