/*
 * The built-in lesson: the lecture notes' story (doc/seeds/), scene by
 * scene. lessons/gradient-descent.ini is the same lesson as a file; a test
 * checks that the two agree field for field, so change both together.
 *
 * The numbers are chosen so the story shows within each scene's planned
 * steps (checked against the core by tests/test_lesson.c):
 *   bowl a = 2 (E = w²): η = 0.1 multiplies w by 0.8 per step (creeps),
 *   η = 0.5 = 1/a lands on 0, η = 0.8 multiplies by −0.6 (oscillates and
 *   converges), η = 1 = 2/a flips 2 ↔ −2, η = 1.1 multiplies by −1.2
 *   (|w| = 2·1.2¹² ≈ 18 after 12 steps: visibly diverging, still drawable).
 *   wells from 1.8 at η = 0.02: plain descent is at 0.960 after 60 steps;
 *   with β = 0.9 it is within 0.005 of −1.036 after 150 steps.
 *   bowl2 with a₂ = 20 at η = 0.09: w₂ is multiplied by −0.8 per step
 *   (zig-zag), w₁ by 0.91 (creeps): within 0.05 of the minimum after 40
 *   steps; with β = 0.5, after 15.
 *   wells2 (k = 2) from (1.8, 1) at η = 0.02: w₁ moves as on wells (the
 *   curve is the wells along w₁ plus w₂² across), so plain descent is at
 *   (0.960, 0.002) after 150 steps and, beside it, β = 0.9 at (−1.036, 0).
 * The last scenes run several optimizers side by side (`run` lines in the
 * file): the bowl's four regimes at once; wells with and without momentum
 * (and Nesterov's, also at −1.036 after 150 steps); the neuron curve far
 * from its minimum (w ≈ −15.4), where dE/dw ≈ 0.008: plain descent moves
 * 0.004 a step, Adam about η = 0.5 (at −15.9 after 60 steps), RMSProp
 * (η = 0.05, no bias correction: a first step of 10·η) reaches −7.2.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/lesson.h>

struct builtin_scene {
	const char *title, *title_zh, *caption, *caption_zh;
	enum gd_curve_kind kind;
	double w0, rate, momentum;
	long steps;
	double a; /* bowl curvature; 0 for the curve's default */
	int nalso; /* more runs side by side, each with its defaults but η, β */
	struct {
		enum gd_optimizer_kind kind;
		double rate, momentum;
	} also[GD_SCENE_RUNS - 1];
	double w0_2; /* the start's w₂, on a curve of two weights */
	double a2;   /* bowl2's a₂; 0 for the curve's default */
	int samples; /* neuron2's samples in data; 0 for the default one */
	const double (*data)[3];   /* x₁, x₂, y of each sample */
	enum gd_question question; /* asked in the window; none by default */
};

/* Scene 14's data: y = σ(1.5·x₁ − x₂) rounded, so the cost is least near
 * w = (1.5, −1). */
static const double cost_data[][3] = {
	{ 0.1, 0.3, 0.46 },
	{ 1, 0.5, 0.73 },
	{ -0.5, 1, 0.15 },
	{ 0.8, -0.6, 0.86 },
};

static const struct builtin_scene scenes[] = {
	{
		.title = "What the slope says",
		.title_zh = "斜率告诉我们什么",
		.caption = "E = w², so dE/dw = 2w: at w = 2 the slope is 4.\n"
			   "A positive slope means E grows to the right,\n"
			   "so the step goes left, against the slope: Δw = −η·dE/dw.",
		.caption_zh = "误差 E = w²，斜率 dE/dw = 2w：在 w = 2 处斜率是 4。\n"
			      "斜率为正，误差向右增大，\n"
			      "所以权重向左走，与梯度方向相反：Δw = −η·dE/dw。",
		.kind = GD_CURVE_BOWL,
		.w0 = 2,
		.rate = 0.1,
		.steps = 1,
	},
	{
		.title = "A small learning rate creeps",
		.title_zh = "小的学习率慢慢逼近",
		.caption = "With η = {rate} each step is proportional to the slope.\n"
			   "Near the minimum the slope shrinks, so the steps shrink:\n"
			   "squared error gives smooth steps that do not overshoot.",
		.caption_zh = "学习率 η = {rate}，每一步的大小与斜率成比例。\n"
			      "靠近最小值时斜率越来越小，步长也越来越小：\n"
			      "误差平方和 SSE 平滑连续，不会越过最小值。",
		.kind = GD_CURVE_BOWL,
		.w0 = 2,
		.rate = 0.1,
		.steps = 25,
		.question = GD_QUESTION_NEXT_W,
	},
	{
		.title = "η = 1/a lands in one step",
		.title_zh = "η = 1/a：一步到达",
		.caption = "E = ½·a·w² with a = 2 has slope a·w.\n"
			   "With η = 1/a = 0.5 the step −η·a·w is exactly −w:\n"
			   "one update lands on the minimum.",
		.caption_zh = "E = ½·a·w²，a = 2，斜率是 a·w。\n"
			      "学习率 η = 1/a = 0.5 时，步长 −η·a·w 正好是 −w：\n"
			      "一次更新就到达最小值。",
		.kind = GD_CURVE_BOWL,
		.w0 = 2,
		.rate = 0.5,
		.steps = 2,
	},
	{
		.title = "1/a < η < 2/a overshoots, then converges",
		.title_zh = "1/a < η < 2/a：越过最小值，来回震荡但收敛",
		.caption = "With η = 0.8 each step jumps past the minimum,\n"
			   "but every jump is shorter than the last (×0.6):\n"
			   "the weight oscillates and still converges.",
		.caption_zh = "学习率 η = 0.8，每一步都越过最小值，\n"
			      "但每次都比上一次短（×0.6）：\n"
			      "权重来回震荡，但仍然收敛。",
		.kind = GD_CURVE_BOWL,
		.w0 = 2,
		.rate = 0.8,
		.steps = 12,
	},
	{
		.title = "η = 2/a bounces forever",
		.title_zh = "η = 2/a：永远来回跳",
		.caption = "With η = 2/a = 1 the step is −2w:\n"
			   "w jumps from 2 to −2 and back, and E never falls.",
		.caption_zh = "学习率 η = 2/a = 1 时，步长是 −2w：\n"
			      "权重在 2 和 −2 之间来回跳，误差不再减小。",
		.kind = GD_CURVE_BOWL,
		.w0 = 2,
		.rate = 1,
		.steps = 6,
	},
	{
		.title = "η > 2/a diverges",
		.title_zh = "η > 2/a：发散",
		.caption = "With η = 1.1 each jump lands farther out (×1.2):\n"
			   "the error grows without bound. Too large a learning rate\n"
			   "does not learn at all.",
		.caption_zh = "学习率 η = 1.1，每次跳得更远（×1.2）：\n"
			      "误差越来越大。学习率太大，\n"
			      "梯度下降根本学不到东西。",
		.kind = GD_CURVE_BOWL,
		.w0 = 2,
		.rate = 1.1,
		.steps = 12,
	},
	{
		.title = "Why not the absolute error?",
		.title_zh = "为什么不用绝对值误差？",
		.caption = "Signed errors y − ŷ cancel: +0.5 and −0.5 sum to 0.\n"
			   "|w − 1| keeps its sign away, but its slope is ±1 everywhere:\n"
			   "the steps never shrink, so w bounces around the minimum.",
		.caption_zh = "直接用 y − ŷ 作误差，正负会抵消：+0.5 和 −0.5 之和为 0。\n"
			      "绝对值 |w − 1| 的斜率处处是 ±1，靠近最小值也不变小：\n"
			      "步长不会缩小，权重在最小值附近来回跳。",
		.kind = GD_CURVE_ABS,
		.w0 = 3,
		.rate = 0.3,
		.steps = 14,
		.question = GD_QUESTION_DIRECTION,
	},
	{
		.title = "A sigmoid neuron: the delta rule",
		.title_zh = "sigmoid 神经元：delta 法则",
		.caption = "x = (0.1, 0.3), w = (−0.8, 0.5), y = 0.2, η = 0.5:\n"
			   "h = 0.07, ŷ = σ(h) = 0.5175, δ = (y − ŷ)·ŷ(1 − ŷ) = −0.0793,\n"
			   "Δw₁ = η·δ·x₁ = −0.00396. We vary w₁; w₂·x₂ = 0.15 stays.",
		.caption_zh =
			"输入 x = (0.1, 0.3)，权重 w = (−0.8, 0.5)，目标 y = 0.2，学习率 η = 0.5：\n"
			"h = 0.07，激活函数 sigmoid：ŷ = 0.5175，δ = (y − ŷ)·ŷ(1 − ŷ) = −0.0793，\n"
			"delta 法则：Δw₁ = η·δ·x₁ = −0.00396。只改变 w₁，w₂·x₂ = 0.15 不变。",
		.kind = GD_CURVE_NEURON,
		.w0 = -0.8,
		.rate = 0.5,
		.steps = 3,
	},
	{
		.title = "A local minimum traps plain descent",
		.title_zh = "局部最小值困住了梯度下降",
		.caption = "Starting at w = 1.8, each step follows the local slope\n"
			   "into the nearer valley at w ≈ 0.96 and stays there:\n"
			   "the deeper, global minimum near w ≈ −1.04 is never seen.",
		.caption_zh = "从 w = 1.8 出发，每一步只看当前的斜率，\n"
			      "滚进较近的山谷 w ≈ 0.96 并停在那里：\n"
			      "更深的全局最小值 w ≈ −1.04 永远找不到。",
		.kind = GD_CURVE_WELLS,
		.w0 = 1.8,
		.rate = 0.02,
		.steps = 60,
	},
	{
		.title = "Momentum carries the ball over the hump",
		.title_zh = "动量带着小球越过山丘",
		.caption = "With momentum β = {momentum} the step remembers the last one:\n"
			   "v ← β·v − η·dE/dw, w ← w + v. The ball rolls over the hump\n"
			   "and settles in the global minimum near w ≈ −1.04.",
		.caption_zh = "加上动量 β = {momentum}，每一步记得上一步：\n"
			      "v ← β·v − η·dE/dw，w ← w + v。小球越过山丘，\n"
			      "停在全局最小值 w ≈ −1.04 附近。",
		.kind = GD_CURVE_WELLS,
		.w0 = 1.8,
		.rate = 0.02,
		.momentum = 0.9,
		.steps = 150,
	},
	{
		.title = "Two weights, each its own step",
		.title_zh = "两个权重，各走各的一步",
		.caption = "The notes' neuron, both weights: x = (0.1, 0.3), y = 0.2, η = 0.5.\n"
			   "Each weight follows its own slope: Δwᵢ = η·δ·xᵢ = −0.0040, −0.0119.\n"
			   "x₂ = 3·x₁: the larger input moves its weight three times as far.",
		.caption_zh =
			"讲义中的例子，两个权重一起更新：x = (0.1, 0.3)，y = 0.2，η = 0.5。\n"
			"每个权重有自己的斜率：Δwᵢ = η·δ·xᵢ，Δw₁ = −0.0040，Δw₂ = −0.0119。\n"
			"x₂ = 3·x₁：输入越大，它的权重走得越远，w₂ 的一步是 w₁ 的三倍。",
		.kind = GD_CURVE_NEURON2,
		.w0 = -0.8,
		.w0_2 = 0.5,
		.rate = 0.5,
		.steps = 3,
	},
	{
		.title = "A long valley: descent zig-zags",
		.title_zh = "狭长的山谷：梯度下降走之字形",
		.caption = "E = ½·(w₁² + 20·w₂²): the valley is steep across w₂ and flat along w₁.\n"
			   "The negative gradient points across the valley, not along it:\n"
			   "w₂ overshoots and flips sign every step while w₁ creeps.",
		.caption_zh = "E = ½·(w₁² + 20·w₂²)：沿 w₂ 方向很陡，沿 w₁ 方向很平。\n"
			      "负梯度指向山谷的对面，而不是沿着山谷：\n"
			      "w₂ 每一步都冲过头、改变符号，w₁ 却走得很慢。",
		.kind = GD_CURVE_BOWL2,
		.w0 = -2,
		.w0_2 = 1,
		.rate = 0.09,
		.steps = 40,
		.a2 = 20,
	},
	{
		.title = "Momentum runs along the valley",
		.title_zh = "动量沿着山谷前进",
		.caption = "Same valley, same η, momentum β = 0.5: v ← β·v − η·∇E, w ← w + v.\n"
			   "Across the valley steps alternate and cancel in v; along it they add.\n"
			   "The zig-zag dies out: the ball is at the bottom in 15 steps, not 40.",
		.caption_zh = "同一个山谷，同样的 η，加上动量 β = 0.5：v ← β·v − η·∇E，w ← w + v。\n"
			      "横跨山谷、来回变号的步子在 v 中相互抵消，沿着山谷的步子不断累加。\n"
			      "之字形很快消失：小球 15 步就到谷底，而不是 40 步。",
		.kind = GD_CURVE_BOWL2,
		.w0 = -2,
		.w0_2 = 1,
		.rate = 0.09,
		.momentum = 0.5,
		.steps = 40,
		.a2 = 20,
		.question = GD_QUESTION_NEXT_W,
	},
	{
		.title = "The cost sums over all the data",
		.title_zh = "代价函数对所有数据求和",
		.caption = "The cost sums the squared error over all the data: E = ½·Σ(y − ŷ)².\n"
			   "Its gradient sums each sample's, ∂E/∂wᵢ = −Σ δ·xᵢ: one step moves\n"
			   "both weights to make all four samples a little better at once.",
		.caption_zh = "代价函数把所有数据的误差平方加起来：E = ½·Σ(y − ŷ)²。\n"
			      "梯度是每个样本梯度之和，∂E/∂wᵢ = −Σ δ·xᵢ：每一步同时调整两个权重，\n"
			      "让四个样本的输出都更接近目标一点。",
		.kind = GD_CURVE_NEURON2,
		.w0 = -0.8,
		.w0_2 = 0.5,
		.rate = 2,
		.steps = 40,
		.samples = 4,
		.data = cost_data,
	},
	{
		.title = "Two weights, two valleys",
		.title_zh = "两个权重，两个山谷",
		.caption = "Two weights, two valleys: global minimum (−1.04, 0), local (0.96, 0).\n"
			   "Run 1, plain descent, follows the gradient into the nearer, local one;\n"
			   "run 2, with momentum β = 0.9, rolls over the ridge to the global one.",
		.caption_zh = "两个权重，两个山谷：全局最小值在 (−1.04, 0) 附近，局部最小值在 (0.96, 0) 附近。\n"
			      "运行 1 是普通的梯度下降，沿着负梯度滚进较近的局部最小值，停在那里；\n"
			      "运行 2 加上动量 β = 0.9，越过山脊，到达全局最小值。",
		.kind = GD_CURVE_WELLS2,
		.w0 = 1.8,
		.w0_2 = 1,
		.rate = 0.02,
		.steps = 150,
		.nalso = 1,
		.also = { { GD_OPTIMIZER_GD, 0.02, 0.9 } },
	},
	{
		.title = "Four learning rates at once",
		.title_zh = "四个学习率同时比较",
		.caption = "η = 0.1, 0.5, 0.8 and 1.1 on one bowl from one start: below 1/a\n"
			   "it creeps, at 1/a it lands at once, between 1/a and 2/a it\n"
			   "oscillates but converges, and above 2/a it diverges.",
		.caption_zh = "同一个碗形曲线、同一个起点，η = 0.1、0.5、0.8、1.1：\n"
			      "小于 1/a 慢慢逼近，等于 1/a 一步到达，\n"
			      "在 1/a 与 2/a 之间振荡但收敛，大于 2/a 发散。",
		.kind = GD_CURVE_BOWL,
		.w0 = 2,
		.rate = 0.1,
		.steps = 12,
		.nalso = 3,
		.also = { { GD_OPTIMIZER_GD, 0.5, 0 },
			  { GD_OPTIMIZER_GD, 0.8, 0 },
			  { GD_OPTIMIZER_GD, 1.1, 0 } },
	},
	{
		.title = "Momentum against none",
		.title_zh = "有动量与没有动量",
		.caption = "The same wells and η = 0.02: plain descent stops in the local\n"
			   "minimum near w ≈ 0.96; with momentum β = 0.9 (heavy ball, and\n"
			   "Nesterov's look-ahead) the ball reaches the global one.",
		.caption_zh = "同样的双谷曲线，同样的 η = 0.02：普通梯度下降停在\n"
			      "w ≈ 0.96 附近的局部最小值；加上动量 β = 0.9（重球法\n"
			      "和 Nesterov 的前瞻），小球到达全局最小值。",
		.kind = GD_CURVE_WELLS,
		.w0 = 1.8,
		.rate = 0.02,
		.steps = 150,
		.nalso = 2,
		.also = { { GD_OPTIMIZER_GD, 0.02, 0.9 },
			  { GD_OPTIMIZER_NESTEROV, 0.02, 0.9 } },
	},
	{
		.title = "Adam and RMSProp on a flat slope",
		.title_zh = "平缓的斜率：Adam 与 RMSProp",
		.caption = "Far out the sigmoid is flat, dE/dw ≈ 0.008: plain steps are 0.004.\n"
			   "Adam divides the slope by its typical size √v̂: steps of about η.\n"
			   "RMSProp too, without bias correction: its first step is 10·η.",
		.caption_zh = "远处 sigmoid 很平，斜率 dE/dw ≈ 0.008：普通梯度下降每步 0.004。\n"
			      "Adam 把斜率除以它的典型大小 √v̂：每步约为 η。\n"
			      "RMSProp 也一样，但没有偏差修正：第一步是 10·η。",
		.kind = GD_CURVE_NEURON,
		.w0 = -0.8,
		.rate = 0.5,
		.steps = 60,
		.nalso = 2,
		.also = { { GD_OPTIMIZER_ADAM, 0.5, 0 },
			  { GD_OPTIMIZER_RMSPROP, 0.05, 0 } },
	},
};

static void copy(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);
	if (n >= size)
		n = size - 1; /* never: the table fits (tests check it) */
	memcpy(dst, src, n);
	dst[n] = '\0';
}

int gd_lesson_builtin(struct gd_lesson *lesson)
{
	int n = (int)(sizeof(scenes) / sizeof(scenes[0]));
	memset(lesson, 0, sizeof(*lesson));
	lesson->scenes = calloc((size_t)n, sizeof(*lesson->scenes));
	if (!lesson->scenes)
		return -ENOMEM;
	lesson->count = n;
	copy(lesson->title, sizeof(lesson->title),
	     "Gradient descent, one step at a time");
	copy(lesson->title_zh, sizeof(lesson->title_zh), "梯度下降，一步一步来");
	for (int i = 0; i < n; i++) {
		const struct builtin_scene *b = &scenes[i];
		struct gd_scene *s = &lesson->scenes[i];
		copy(s->title, sizeof(s->title), b->title);
		copy(s->title_zh, sizeof(s->title_zh), b->title_zh);
		copy(s->caption, sizeof(s->caption), b->caption);
		copy(s->caption_zh, sizeof(s->caption_zh), b->caption_zh);
		gd_curve_default(&s->curve, b->kind);
		if (b->a)
			s->curve.p[GD_BOWL_A] = b->a;
		s->w0[0] = b->w0;
		s->w0[1] = b->w0_2;
		if (b->a2)
			s->curve.p[GD_BOWL2_A2] = b->a2;
		for (int u = 0; u < b->samples; u++)
			for (int k = 0; k < 3; k++)
				s->curve.list[k][u] = b->data[u][k];
		if (b->samples)
			s->curve.n = b->samples;
		gd_optim_default(&s->opt, GD_OPTIMIZER_GD, b->rate);
		s->opt.hyper[GD_HYPER_MOMENTUM] = b->momentum;
		s->steps = b->steps;
		s->question = b->question;
		s->nruns = 1 + b->nalso;
		for (int r = 0; r < b->nalso; r++) {
			gd_optim_default(&s->also[r], b->also[r].kind,
					 b->also[r].rate);
			int m = gd_optimizer_hyper_index(b->also[r].kind,
							 "momentum");
			if (m >= 0)
				s->also[r].hyper[m] = b->also[r].momentum;
		}
	}
	return 0;
}
