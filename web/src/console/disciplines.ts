import { computed, shallowRef } from 'vue'
import { api } from '@/shared/api'
import { disciplineOptions } from '@/shared/projects'
import type { Discipline } from '@/shared/types'

/**
 * The discipline catalogue (学科目录) for the console's pickers: fetched once
 * per page load and shared by every form; forgotten when the office changes it.
 */
const catalogue = shallowRef<Discipline[]>([])
let pending: Promise<Discipline[]> | null = null

export function loadDisciplines(): Promise<Discipline[]> {
  if (!pending) {
    pending = api
      .listDisciplines()
      .then((r) => {
        catalogue.value = r.items ?? []
        return catalogue.value
      })
      .catch((e: unknown) => {
        pending = null
        throw e
      })
  }
  return pending
}

/** After the office's change (学科目录): the next picker reads the catalogue again. */
export function forgetDisciplines(): void {
  pending = null
}

export function useDisciplines() {
  return {
    catalogue,
    /** For list filters, which search old projects too: retired entries as well, marked. */
    filterOptions: computed(() => disciplineOptions(catalogue.value, { retired: 'marked' })),
    load: loadDisciplines,
  }
}
