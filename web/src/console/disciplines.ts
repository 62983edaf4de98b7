import { shallowRef } from 'vue'
import { api } from '@/shared/api'
import { disciplineOptions } from '@/shared/projects'
import type { CascaderOption } from '@/shared/projects'
import type { Discipline } from '@/shared/types'

/** The discipline catalogue (学科目录), fetched once per page load and shared by every form. */
const catalogue = shallowRef<Discipline[]>([])
const options = shallowRef<CascaderOption[]>([])
let pending: Promise<Discipline[]> | null = null

export function loadDisciplines(): Promise<Discipline[]> {
  if (!pending) {
    pending = api
      .listDisciplines()
      .then((r) => {
        catalogue.value = r.items ?? []
        options.value = disciplineOptions(catalogue.value)
        return catalogue.value
      })
      .catch((e: unknown) => {
        pending = null
        throw e
      })
  }
  return pending
}

export function useDisciplines() {
  return { catalogue, options, load: loadDisciplines }
}
