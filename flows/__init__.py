"""Online retail warehouse: extract press-release figures, load, transform, check, publish."""
