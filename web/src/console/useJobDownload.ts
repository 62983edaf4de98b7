import { getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue'
import { ApiError, newIdempotencyKey } from '@/shared/api'
import { jobEnded, jobsApi, pollDelay } from '@/shared/jobs'
import { openDownload } from '@/shared/projects'
import type { Job, JobStarted } from '@/shared/types'
import { showError } from './errors'

function hidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden'
}

/**
 * Export buttons (导出Excel, 打印全部证书 …): every export is a background job.
 * `download(key, start)` starts it (`start` gets a fresh Idempotency-Key), polls GET /jobs/{id} with backoff (0.5 s
 * up to 5 s between polls; none while the tab is hidden), and when the file is
 * ready starts its download; `job` holds the job for the progress bar and the
 * link (JobProgress), `downloading` the key of the button whose job is under
 * way ('' when none). A failed start or a failed job says why.
 */
export function useJobDownload() {
  const downloading = ref('')
  const job = shallowRef<Job | null>(null)
  let generation = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  let wake: (() => void) | null = null

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      wake = () => {
        wake = null
        resolve()
      }
      timer = setTimeout(() => {
        timer = null
        wake?.()
      }, ms)
    })
  }

  function visible(): Promise<void> {
    if (!hidden()) return Promise.resolve()
    return new Promise((resolve) => {
      const onVisibility = () => {
        if (hidden()) return
        document.removeEventListener('visibilitychange', onVisibility)
        wake = null
        resolve()
      }
      wake = () => {
        document.removeEventListener('visibilitychange', onVisibility)
        wake = null
        resolve()
      }
      document.addEventListener('visibilitychange', onVisibility)
    })
  }

  async function download(key: string, start: (idempotencyKey: string) => Promise<JobStarted>): Promise<Job | null> {
    const mine = ++generation
    downloading.value = key
    job.value = null
    try {
      const started = await start(newIdempotencyKey()) // one key per click: a resent start answers the same job
      job.value = { job_id: started.job_id, state: started.state, done: 0, total: null } as Job
      for (let attempt = 0; mine === generation; attempt++) {
        await sleep(pollDelay(attempt))
        if (mine !== generation) return null
        await visible()
        if (mine !== generation) return null
        let current: Job
        try {
          current = await jobsApi.get(started.job_id)
        } catch (e) {
          if (e instanceof ApiError && (e.status === 0 || e.status === 503 || e.status === 429)) continue // poll on
          throw e
        }
        if (mine !== generation) return null
        job.value = current
        if (!jobEnded(current)) continue
        if (current.state === 'succeeded' && current.url && current.filename) {
          openDownload({ url: current.url, filename: current.filename })
        }
        return current
      }
      return null
    } catch (e) {
      if (mine === generation) showError(e)
      return null
    } finally {
      if (mine === generation) downloading.value = ''
    }
  }

  /** Stops polling (the page is left); a job under way goes on on the server. */
  function stop() {
    generation++
    if (timer !== null) clearTimeout(timer)
    timer = null
    wake?.()
    downloading.value = ''
  }

  if (getCurrentScope()) onScopeDispose(stop)

  return { downloading, job, download, stop }
}
