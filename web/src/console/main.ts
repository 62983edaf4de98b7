import { createApp } from 'vue'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import App from './App.vue'
import { router } from './router'
import { onSessionGone } from '@/shared/api'
import './console.css'

let redirecting = false
onSessionGone(() => {
  const current = router.currentRoute.value
  if (redirecting || current.path === '/login' || current.meta.keepOnSessionLoss) return
  redirecting = true
  ElMessage.warning({ message: '登录已失效，请重新登录', grouping: true })
  const redirect = current.fullPath !== '/' ? current.fullPath : undefined
  void router.replace({ path: '/login', query: redirect ? { redirect } : {} }).finally(() => {
    redirecting = false
  })
})

createApp(App).use(router).mount('#app')
