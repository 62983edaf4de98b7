import { createRouter, createWebHistory } from 'vue-router'
import HomePage from './views/HomePage.vue'

const TITLE = '江苏省继续医学教育项目 管理系统'

export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    { path: '/', name: 'home', component: HomePage, meta: { title: TITLE } },
    {
      path: '/in/:sessionId',
      name: 'sign-in',
      component: () => import('./views/SignInPage.vue'),
      meta: { title: `现场签到 - ${TITLE}` },
    },
    {
      path: '/out/:sessionId',
      name: 'sign-out',
      component: () => import('./views/SignOutPage.vue'),
      meta: { title: `现场签退 - ${TITLE}` },
    },
    {
      path: '/credits',
      name: 'credits',
      component: () => import('./views/CreditsPage.vue'),
      meta: { title: `个人年度学分查询 - ${TITLE}` },
    },
    {
      path: '/:pathMatch(.*)*',
      name: 'not-found',
      component: () => import('./views/NotFoundPage.vue'),
      meta: { title: `页面不存在 - ${TITLE}` },
    },
  ],
})

router.afterEach((to) => {
  document.title = (to.meta.title as string | undefined) ?? TITLE
})
