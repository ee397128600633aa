import copy
original = [[1, 2, 3], [4, 5, 6]]
shallow = copy.copy(original)
deep = copy.deepcopy(original)
original[0][0] = 99
print(shallow[0][0]) # 99 (affected because inner list is shared)
print(deep[0][0]) # 1 (unaffected because inner list was copied)
