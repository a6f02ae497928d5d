## labels
