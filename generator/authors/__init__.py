"""The authors' tools besides the site: `handbook new`, the preview that
follows edits, and the one place problems are printed."""
