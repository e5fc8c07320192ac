"""English: the data files of this folder (align.yaml: cue words, patterns, word lists)."""
