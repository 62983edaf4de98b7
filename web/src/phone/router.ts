import { ref } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import { followDocumentTitle, loadSiteMeta, siteTexts } from '@/shared/meta'
import HomePage from './views/HomePage.vue'

export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    { path: '/', name: 'home', component: HomePage, meta: {} },
    {
      path: '/in/:sessionId',
      name: 'sign-in',
      component: () => import('./views/SignInPage.vue'),
      meta: { title: '现场签到' },
    },
    {
      path: '/out/:sessionId',
      name: 'sign-out',
      component: () => import('./views/SignOutPage.vue'),
      meta: { title: '现场签退' },
    },
    {
      path: '/credits',
      name: 'credits',
      component: () => import('./views/CreditsPage.vue'),
      meta: { title: '个人年度学分查询' },
    },
    {
      path: '/:pathMatch(.*)*',
      name: 'not-found',
      component: () => import('./views/NotFoundPage.vue'),
      meta: { title: '页面不存在' },
    },
  ],
})

// document.title: the page, then the stage's configured phone title (GET /api/meta).
const pageTitle = ref<string | undefined>()
followDocumentTitle(pageTitle, siteTexts().phoneTitle)

router.afterEach((to) => {
  pageTitle.value = to.meta.title as string | undefined
  void loadSiteMeta()
})
