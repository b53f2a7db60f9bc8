"""Chinese-language text: the genre's primary sources, read into the same observations as English.

script    simplified script, half-width digits and punctuation, pinyin left by converters; sentences
numbers   figures with their units and scales (亿元, 万件, 个百分点), Arabic or Chinese numerals
cues      what a figure measures, from the words around it (同比增长, 高于全国, 占…比重)
periods   年, 上半年, 前三季度, 1-5月, 双11 … as the period codes English reports use
subjects  which place and segment a figure is about
reader    one Chinese paragraph, sentence by sentence
"""
