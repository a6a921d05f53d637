// True once any report is loaded (provinces from the gazetteer alone do not count).
RETURN EXISTS { MATCH (:Report) } AS loaded
